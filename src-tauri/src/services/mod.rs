//! What the app does besides answering the page: the services the commands, the scheduler's
//! threads and the headless commands share. Nothing here is a command; commands call in, never
//! the other way.

pub mod backup;
pub mod idle_lock;
pub mod papers_dir;
pub mod storage;
