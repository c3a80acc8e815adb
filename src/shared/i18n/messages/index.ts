// The catalog, assembled from one file per area. Each area owns its key prefix (listed below), so
// a new page or command adds a file here instead of editing a shared one. Each area file exports
// `en` and `sv` with exactly the same keys (the type of `sv` enforces it; test/i18n.test.ts checks
// the whole catalog, the ICU syntax and every key the code uses).
import * as common from './common'; // common.*, shell.*
import * as errors from './errors'; // error.*
import * as datasets from './datasets'; // dataset.*, category.*
import * as importing from './import'; // import.*, warning.*
import * as changes from './changes'; // alert.*, highlight.*, change.*, setting.*, profile.*
import * as cli from './cli'; // cli.*
import * as window from './window'; // window.*
import * as sharing from './sharing'; // scope.*, app.*, party.*, revoke.*
import * as checklists from './checklists'; // checklist.*, step.*, rights.*
import * as home from './home'; // home.*
import * as charts from './charts'; // charts.*

export const en = { ...common.en, ...errors.en, ...datasets.en, ...importing.en, ...changes.en, ...cli.en, ...window.en, ...sharing.en, ...checklists.en, ...home.en, ...charts.en };
export type MessageKey = keyof typeof en;
export const sv: Record<MessageKey, string> = { ...common.sv, ...errors.sv, ...datasets.sv, ...importing.sv, ...changes.sv, ...cli.sv, ...window.sv, ...sharing.sv, ...checklists.sv, ...home.sv, ...charts.sv };

/** The areas, for the catalog test (no key may be defined twice). */
export const AREAS = { common, errors, datasets, import: importing, changes, cli, window, sharing, checklists, home, charts };
