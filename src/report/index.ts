export * from './report-types';
export * from './identity-report';
