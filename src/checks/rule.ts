import { CheckLevel } from './check-types';
import { CheckModel, Place } from './template-model';

/** A problem a rule found; the pack adds the rule id and level. */
export interface RuleFinding extends Place {
  /** What is wrong. */
  readonly message: string;
  /** How to fix it. */
  readonly fix: string;
  /** Where in the resource, e.g. `Properties/AssumeRolePolicyDocument`. */
  readonly location?: string;
}

/** One rule: an id, a one-line statement, a level, how to fix what it finds, and a pure function over the template model. */
export interface Rule {
  readonly id: string;
  readonly statement: string;
  readonly level: CheckLevel;
  /** How to fix what the rule finds, in general (a finding's own fix may name its resources). */
  readonly fix: string;
  check(model: CheckModel): RuleFinding[];
}

/** Location of a role's trust policy. */
export const TRUST_POLICY = 'Properties/AssumeRolePolicyDocument';

/** Just the place of a model object (stack, logical id, construct path), for a finding. */
export function at(place: Place, location?: string): Place & { location?: string } {
  return {
    stackName: place.stackName,
    ...(place.logicalId !== undefined ? { logicalId: place.logicalId } : {}),
    ...(place.constructPath !== undefined ? { constructPath: place.constructPath } : {}),
    ...(location !== undefined ? { location } : {}),
  };
}
