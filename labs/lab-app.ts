import { App, AppProps } from 'aws-cdk-lib';
import { VALIDATE_AGAINST_DEFAULT_RULES } from 'aws-cdk-lib/cx-api';
import { labEnvironment } from './lab-environment';
import { createLab1 } from './lab1-irsa';
import { createLab2 } from './lab2-pod-identity';
import { createLab3 } from './lab3-alb-controller';
import { createLab4 } from './lab4-authentication';

/**
 * The lab app: every lab as its own stack, checked by AWS's CloudFormation validator at synth
 * (its findings are errors). Each lab names its cluster `myeks`, so deploy one lab
 * at a time.
 */
export function createLabApp(props: AppProps = {}): App {
  const app = new App({
    ...props,
    context: { [VALIDATE_AGAINST_DEFAULT_RULES]: true, ...props.context },
  });
  const lab = labEnvironment(app);
  createLab1(app, lab);
  createLab2(app, lab);
  createLab3(app, lab);
  createLab4(app, lab);
  return app;
}
