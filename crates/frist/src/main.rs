//! The `frist` binary: a few lines over the library, so tests can drive the same code.

// mimalloc serves every allocation of the process: Rust's through this declaration, and
// SQLite's, whose many small allocations for bound values took a quarter of the single
// writer's time under glibc's malloc, through the crate's `override` feature. See the bulk
// import in BENCHMARKS.md.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    frist::cli::run()
}
