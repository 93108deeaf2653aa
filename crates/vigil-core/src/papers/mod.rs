//! Papers (issue 6): the discharge sheet and the Spravato REMS form as one model, a [`Paper`]
//! of titled sections of label/value rows. The UI renders it as HTML to print; the `vigil-pdf`
//! crate turns it into the bytes of a PDF file the shell saves (the core takes no PDF
//! dependency).

mod paper;
pub mod rems;
pub mod sheets;

pub use paper::{Paper, PaperRow, PaperSection};
