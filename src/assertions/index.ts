export * from './identity-assertions';
