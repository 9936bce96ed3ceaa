import { isKnown } from './deploy-time';
import { Problem } from './errors';

const ADDON_VERSION = /^v\d+\.\d+\.\d+-eksbuild\.\d+$/;

/**
 * Why a text is not an EKS add-on version (`v<major>.<minor>.<patch>-eksbuild.<n>`, as
 * `aws eks describe-addon-versions` lists them).
 */
export function addonVersionProblem(version: string, what = 'addon version'): Problem | undefined {
  if (!isKnown(version) || ADDON_VERSION.test(version)) return undefined;
  return {
    problem: `${what} '${version}' is not an EKS add-on version (v<major>.<minor>.<patch>-eksbuild.<n>)`,
    fix: 'give a version aws eks describe-addon-versions --addon-name <addon> lists, e.g. v1.3.10-eksbuild.1',
  };
}
