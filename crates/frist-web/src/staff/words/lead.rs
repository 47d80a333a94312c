//! The lead dashboard's words.

frist_i18n::words! {
    pub(crate) struct LeadWords in Staff, prefix "lead-" {
        title,
        intro,
        now_heading,
        breached,
        due_today,
        at_risk,
        at_risk_hint,
        open,
        show_list,
        load_heading,
        load_caption,
        col_caseworker,
        unassigned,
        absent_until,
        substitute,
        compliance_heading,
        /// "{month}" is replaced by the month's name and year.
        compliance_intro,
        by_goal_caption,
        by_channel_caption,
        col_goal,
        col_channel,
        col_total,
        col_met,
        col_met_late,
        col_breached,
        col_pending,
        col_on_time,
        col_median,
        nothing_due,
        not_measured,
        month_label,
        month_show,
        csv,
        col_target,
        target_reached,
        target_missed,
        by_case_type_caption,
        col_case_type,
        no_case_type,
    }
    lists {
        months: 12,
    }
}
