import type { CommandName } from '../../../shared/commands/index.ts';
import type { Permission } from '../../../shared/model/roles.ts';
import type { freshWorkspace } from '../../helpers/workspace.ts';

export type Workspace = Awaited<ReturnType<typeof freshWorkspace>>;

/**
 * One area's contribution to the role × command matrix. `setup` runs once as the
 * administrator (create the records the examples refer to); each example returns a
 * valid input for its command, so that an allowed role is never refused for bad input
 * and a refused role is refused for its role alone. A fresh input per call: examples
 * that create things must not collide when called once per role.
 */
export interface AreaExamples {
  setup?: (w: Workspace) => Promise<void>;
  examples: Partial<Record<CommandName, () => unknown>>;
  /**
   * A permission the handler checks on top of the command's own, for the record this
   * example touches (adding a file to a company also needs `companies.write`).
   */
  alsoNeeds?: Partial<Record<CommandName, Permission>>;
}
export type ExamplesFactory = () => AreaExamples;
