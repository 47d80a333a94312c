//! The `frist` binary: a few lines over the library, so tests can drive the same code.

fn main() -> std::process::ExitCode {
    frist::cli::run()
}
