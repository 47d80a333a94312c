//! `frist policy check` and `frist policy explain`.
//!
//! `check` is for the administrator who edits a policy: it validates the file, then lists per
//! channel what is promised, which inquiries on that channel get no promise, and every goal of
//! the document with what Frist does for it: each rule and feature with what Frist does today
//! and where a person finds it, or "not supported yet" (the table is
//! `frist_policy::Availability`). `explain` is for citizens.

use super::Failure;
use crate::cli::{Language, PolicyArgs};
use crate::policy_source;
use frist_i18n::Lang;
use frist_policy::{
    Addressee, Availability, Channel, Deadline, Described, Explanation, Goal, InquiryKind, Page,
    Policy, Within, channel_promises,
};
use std::io::Write;

fn lang(l: Language) -> Lang {
    match l {
        Language::Da => Lang::Da,
        Language::En => Lang::En,
        Language::De => Lang::De,
    }
}

/// Picks the Danish or English text of `policy check`, an administrator's report (German
/// readers get Danish there; the citizen's `explain` comes from the catalogues).
fn tr<'a>(lang: Lang, da: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Da | Lang::De => da,
        Lang::En => en,
    }
}

fn within(lang: Lang, w: Within) -> String {
    frist_policy::within_text(w, lang)
}

pub fn explain(args: &PolicyArgs, out: &mut impl Write) -> Result<(), Failure> {
    let policy = policy_source::load(&args.file)?;
    write!(out, "{}", Explanation::of(&policy, lang(args.lang)))?;
    Ok(())
}

pub fn check(args: &PolicyArgs, out: &mut impl Write) -> Result<(), Failure> {
    let policy = policy_source::load(&args.file)?;
    // The check is an administrator's report, written in the staff pages' languages: German
    // readers get it in Danish rather than half in each.
    let l = lang(args.lang).for_audience(frist_i18n::Audience::Staff);
    let mut warnings = 0;
    header(&policy, l, out)?;

    writeln!(
        out,
        "\n{}",
        tr(l, "Frister pr. kanal", "Deadlines per channel")
    )?;
    for promise in channel_promises(&policy) {
        let channel = promise.channel.label(l);
        writeln!(out, "  {channel}:")?;
        if promise.deadlines.is_empty() {
            warnings += 1;
            writeln!(
                out,
                "    {}: {}",
                tr(l, "advarsel", "warning"),
                tr(
                    l,
                    "ingen målbar frist for denne kanal",
                    "no measurable promise on this channel"
                )
            )?;
            continue;
        }
        for (goal, d) in &promise.deadlines {
            let requires = d.requires.label(l);
            writeln!(
                out,
                "    {:<7} {requires} {} {} – {}",
                goal.source,
                tr(l, "inden for", "within"),
                within(l, d.within),
                scope(l, d)
            )?;
        }
        let gaps = uncovered(
            promise.channel,
            &promise
                .deadlines
                .iter()
                .map(|(_, d)| *d)
                .collect::<Vec<_>>(),
            l,
        );
        if !gaps.is_empty() {
            writeln!(
                out,
                "    {}: {}",
                tr(l, "ikke lovet", "not promised"),
                gaps.join("; ")
            )?;
        }
    }

    writeln!(
        out,
        "\n{}",
        tr(
            l,
            "Mål i dokumentet og hvad Frist gør",
            "Goals of the document and what Frist does"
        )
    )?;
    for goal in &policy.goals {
        writeln!(out, "  {}  {}", goal.source, goal.promise)?;
        for d in &goal.deadlines {
            let channels: Vec<&str> = d.channels.iter().map(|c| c.label(l)).collect();
            let requires = d.requires.label(l);
            writeln!(
                out,
                "      {}: {requires} {} {} ({}; {})",
                tr(l, "frist", "deadline"),
                tr(l, "inden for", "within"),
                within(l, d.within),
                channels.join(", "),
                scope(l, d)
            )?;
        }
        for (what, name, text, availability) in supports(goal, l) {
            writeln!(out, "      {what} {name}: {}", tr(l, text.da, text.en))?;
            writeln!(
                out,
                "        {}: {}",
                policy_text(l, "support-today"),
                availability.text(l, path)
            )?;
        }
        if let Some(reason) = &goal.out_of_scope {
            writeln!(
                out,
                "      {}: {reason}",
                tr(l, "uden for Frists område", "outside Frist's scope")
            )?;
        }
        if let Some(note) = &goal.note {
            writeln!(out, "      {}: {note}", tr(l, "note", "note"))?;
        }
    }
    if !policy.case_types.is_empty() {
        writeln!(out, "\n{}", tr(l, "Sagstyper", "Case types"))?;
        for c in &policy.case_types {
            let deadline = c.within.map_or_else(
                || tr(l, "ingen frist", "no deadline").to_owned(),
                |w| within(l, w),
            );
            writeln!(out, "  {:<20} {} – {deadline}", c.id, c.name)?;
        }
    }
    not_yet(&policy, l, out)?;
    writeln!(out, "\n{}: {warnings}", tr(l, "Advarsler", "Warnings"))?;
    Ok(())
}

/// The rules and features a goal names, each with its description and what Frist does today.
fn supports(goal: &Goal, l: Lang) -> Vec<(&'static str, &'static str, Described, Availability)> {
    let rules = goal.rules.iter().map(|r| {
        let what = tr(l, "regel", "rule");
        (what, r.name(), r.describe(), r.availability())
    });
    let features = goal.features.iter().map(|f| {
        let what = tr(l, "funktion", "feature");
        (what, f.name(), f.describe(), f.availability())
    });
    rules.chain(features).collect()
}

/// The goals naming a rule or feature that Frist does not (fully) offer yet, so an editor sees
/// at a glance what the file promises beyond what Frist does.
fn not_yet(policy: &Policy, l: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let lines: Vec<String> = policy
        .goals
        .iter()
        .flat_map(|goal| {
            supports(goal, l)
                .into_iter()
                .filter_map(move |(_, name, _, availability)| {
                    let short = match availability {
                        Availability::Offered(_) => return None,
                        Availability::Partly(..) => policy_text(l, "support-partly-short"),
                        Availability::NotYet => policy_text(l, "support-not-yet"),
                    };
                    Some(format!("  {:<7} {name}: {short}", goal.source))
                })
        })
        .collect();
    if !lines.is_empty() {
        writeln!(out, "\n{}", policy_text(l, "heading-not-yet"))?;
        for line in lines {
            writeln!(out, "{line}")?;
        }
    }
    Ok(())
}

fn policy_text(l: Lang, key: &str) -> String {
    frist_i18n::text(l, frist_i18n::Audience::Policy, key, &[])
}

/// A page's path as the web crate spells it.
fn path(page: Page) -> String {
    use frist_web::paths;
    match page {
        Page::Inquiry => paths::INQUIRY_ROUTE,
        Page::Desk => paths::DESK,
        Page::Queue => paths::QUEUE,
        Page::Absence => paths::ABSENCE,
        Page::Write => paths::WRITE,
        Page::Status => paths::STATUS_ROUTE,
        Page::Goals => paths::GOALS,
    }
    .to_owned()
}

fn header(policy: &Policy, l: Lang, out: &mut impl Write) -> std::io::Result<()> {
    let m = &policy.municipality;
    match &policy.source_document {
        Some(doc) => writeln!(
            out,
            "{} – «{}»{}",
            m.name,
            doc.title,
            doc.year
                .as_ref()
                .map(|y| format!(" ({y})"))
                .unwrap_or_default()
        )?,
        None => writeln!(out, "{}", m.name)?,
    }
    let deadlines = policy.deadlines().count();
    writeln!(
        out,
        "{} (version {}): {} {}, {} {}, {} {}, {} {}.",
        tr(l, "Politikfilen er gyldig", "The policy file is valid"),
        frist_policy::SUPPORTED_VERSION,
        policy.goals.len(),
        tr(l, "mål", "goals"),
        deadlines,
        tr(l, "frister", "deadlines"),
        policy.case_types.len(),
        tr(l, "sagstyper", "case types"),
        policy.calendar.closing_days().days().len(),
        tr(l, "lukkedage", "closing days"),
    )
}

/// "alle henvendelser", or the addressees and kinds a deadline is limited to.
fn scope(l: Lang, d: &Deadline) -> String {
    let mut parts = Vec::new();
    if let Some(to) = &d.to {
        let names: Vec<&str> = to.iter().map(|a| a.label(l)).collect();
        parts.push(format!(
            "{} {}",
            tr(l, "kun til", "only to"),
            either(l, &names)
        ));
    }
    if let Some(kinds) = &d.kinds {
        let names: Vec<&str> = kinds.iter().map(|k| k.label(l)).collect();
        parts.push(format!("{} {}", tr(l, "kun", "only"), either(l, &names)));
    }
    if parts.is_empty() {
        tr(l, "alle henvendelser", "every inquiry").to_owned()
    } else {
        parts.join("; ")
    }
}

/// "a, b eller c".
fn either(l: Lang, names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{}{}{last}", rest.join(", "), tr(l, " eller ", " or ")),
    }
}

/// The addressee/kind combinations on `channel` that no deadline covers, grouped by addressee.
fn uncovered(channel: Channel, deadlines: &[&Deadline], l: Lang) -> Vec<String> {
    let mut gaps = Vec::new();
    for &to in Addressee::ALL {
        let missing: Vec<InquiryKind> = InquiryKind::ALL
            .iter()
            .copied()
            .filter(|&kind| !deadlines.iter().any(|d| d.applies(channel, to, kind)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let to_name = to.label(l);
        let kinds = if missing.len() == InquiryKind::ALL.len() {
            tr(l, "alle slags", "every kind").to_owned()
        } else {
            missing
                .iter()
                .map(|k| k.label(l))
                .collect::<Vec<_>>()
                .join(", ")
        };
        gaps.push(format!("{} {to_name} ({kinds})", tr(l, "til", "to")));
    }
    gaps
}
