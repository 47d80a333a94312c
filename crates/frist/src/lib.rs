//! Frist's command-line program: wiring of the pure crates (calendar, policy) to files,
//! standard input and output. The commands live in [`commands`]; argument parsing in [`cli`].

pub mod cli;
pub mod commands;
pub mod config;
pub mod demo;
pub mod facebook_config;
pub mod oidc_config;
pub mod outbox_config;
pub mod policy_source;
pub mod scheduler;
pub mod startup;
