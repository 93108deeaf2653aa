//! The ONE list of the commands the page may call: each command's name, its arguments with
//! their Rust types and its result type, module by module. Everything else that names the
//! commands is made from it:
//!
//! - the app's handler ([`command_handler!`], also the input sweep's mock app);
//! - `build.rs` (reads the names from the table, `registry/table.rs`, as text: see
//!   `registry/names.rs`), which makes the `allow-*` permissions;
//! - [`COMMANDS`], from which the tests in `registry/` generate and check
//!   `capabilities/main.json`, `ui/src/lib/ipc/commands.ts` (the typed wrappers, their TS types
//!   from ts-rs, so renaming a Rust type breaks the generation) and `ui/src/lib/ipc/events.ts`
//!   (from [`crate::events::ALL`]); run them with `VIGIL_UPDATE_BINDINGS=1` to regenerate.
//!
//! An entry reads `name(arg: RustType, ...) -> RustResult;`, the result without its
//! `Result<_, VigilError>`. Arguments are named as in the Rust function; the page sends them in
//! camelCase, as Tauri expects (`firing_id` is `firingId`). Every argument is read with
//! `payload::parse_arg` under that name, so a value of the wrong type is refused naming it.

#[macro_use]
mod table;
#[cfg(test)]
mod generate;
pub mod names;
#[cfg(test)]
mod tests;

use ts_rs::TS;

use crate::commands::papers::PaperKind;
use vigil_core::audit_review::{AuditChoices, AuditFilter, AuditPage};
use vigil_core::checks::{
    CheckInput, CheckPlanSettingsEdit, CheckSaved, CorrectionInput, OrthostaticInput,
    OrthostaticResult, PadssConfirmInput, PredoseDecisionInput, SessionDetail,
    ThresholdSettingsEdit,
};
use vigil_core::desktop::{
    AboutInfo, AutostartEdit, AutostartStatus, CloseReason, CloseRequest, QuitInput,
};
use vigil_core::discharge::view::{DepartedRow, DischargeView};
use vigil_core::discharge::{
    AgainstAdviceInput, DischargeInput, DischargePolicyEdit, EscortInput, TransferInput,
};
use vigil_core::draft::DraftForm;
use vigil_core::exports::CsvExportInput;
use vigil_core::history::{HistoryPage, HistoryQuery};
use vigil_core::notes::{NoteInput, NoteSaved};
use vigil_core::papers::rems::{FormDue, FormSubmittedInput, RemsDetails, RemsDetailsInput};
use vigil_core::papers::Paper;
use vigil_core::report::{DayReport, ReportInput, Shift, ShiftsEdit};
use vigil_core::startup::{
    EncryptionInfo, NewRecordsInput, NewRecordsOutcome, RecoveryKeyInput, RecoveryOutcome,
    RecoveryRestoreInput, ReissuedKey, StartupProblem,
};
use vigil_core::{
    AccountStatusInput, ActiveAlert, AdmitInput, AlertRepeatEdit, AuthStatus, BackupInfo,
    BackupSettingsEdit, ClinicSettings, DisplaySettings, DisplaySettingsEdit, Draft,
    EmergencyAction, EmergencyInput, EmergencyLimitEdit, EmergencyUse, EmergencyUseInput,
    IdleLockEdit, IntegrityStatus, NewNurseInput, NotificationOutcome, Nurse, PapersKeptEdit,
    PinResetInput, ProtocolEdit, RecoveryBoard, RestoreInput, SignInInput, StorageStatus,
};

/// Matches the table; `$out` is the tokens to make, given the commands' paths.
macro_rules! __handler {
    (
        app { $( $module:ident {
            $( $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*
        } )* }
        recovery { $( $rname:ident ( $($rarg:ident : $rty:ty),* ) -> $rret:ty ; )* }
    ) => {
        tauri::generate_handler![
            $( $( crate::commands::$module::$name, )* )*
            $( crate::startup::$rname, )*
        ]
    };
}

/// Every command of the page, as one handler: the app and the input sweep's mock app
/// (`input_sweep`) use this same handler. The recovery commands are in it too: they answer
/// from their own state ([`crate::startup::Recovery`]).
macro_rules! command_handler {
    () => {
        registry!(__handler)
    };
}

/// One argument of a command.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// As in the Rust function (`firing_id`).
    pub name: &'static str,
    /// The Rust type's TypeScript name.
    pub ts: fn() -> String,
}

impl Param {
    /// As the page sends it (`firingId`): Tauri's camelCase of the Rust name.
    pub fn page_name(&self) -> String {
        camel_case(self.name)
    }
}

/// One command of the page, as the table describes it (not `cli::Command`, a headless one).
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    /// The Rust module holding it, under `src/` (`commands/sessions`, `startup`).
    pub module: &'static str,
    pub params: &'static [Param],
    /// The result's TypeScript name (`void` for none).
    pub returns: fn() -> String,
}

impl CommandSpec {
    /// The TypeScript wrapper's name (`acknowledgeAlert`).
    pub fn ts_name(&self) -> String {
        camel_case(self.name)
    }
}

macro_rules! __table {
    (
        app { $( $module:ident {
            $( $name:ident ( $($arg:ident : $ty:ty),* ) -> $ret:ty ; )*
        } )* }
        recovery { $( $rname:ident ( $($rarg:ident : $rty:ty),* ) -> $rret:ty ; )* }
    ) => {
        /// Every command, in the table's order.
        pub const COMMANDS: &[CommandSpec] = &[
            $( $( CommandSpec {
                name: stringify!($name),
                module: concat!("commands/", stringify!($module)),
                params: &[ $( Param { name: stringify!($arg), ts: ts::<$ty> } ),* ],
                returns: result_ts::<$ret>,
            }, )* )*
            $( CommandSpec {
                name: stringify!($rname),
                module: "startup",
                params: &[ $( Param { name: stringify!($rarg), ts: ts::<$rty> } ),* ],
                returns: result_ts::<$rret>,
            }, )*
        ];
    };
}

registry!(__table);

/// The TypeScript name of `T` as the page sees it: ts-rs's, except that an `i64` (a record
/// id) travels as a JSON number, as the generated bindings declare them.
fn ts<T: TS>() -> String {
    match T::name().as_str() {
        "bigint" => "number".to_owned(),
        name => name.replace("Array<bigint>", "Array<number>"),
    }
}

/// [`ts`] of a command's result: no result (`()`) is `void`.
fn result_ts<T: TS>() -> String {
    match ts::<T>().as_str() {
        "null" => "void".to_owned(),
        name => name.to_owned(),
    }
}

/// `firing_id` → `firingId` (what Tauri does to a command's argument names).
pub fn camel_case(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}
