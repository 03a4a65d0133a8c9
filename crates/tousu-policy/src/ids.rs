//! Identifiers a policy document defines for its own parts: the policy itself,
//! rules, milestones and escalation steps.
//!
//! They follow the same rule as the model's codes ([`tousu_model::LevelId`]),
//! and are made by the same macro: 1 to 64 letters (any script), digits,
//! `_`, `-` or `.`, starting with a letter or digit. An invalid text is
//! [`tousu_model::ModelError::InvalidId`].

tousu_model::__string_id!(
    /// The id of a policy document (`default`, `s12-auto-4s`).
    PolicyId, check_code, "A policy id: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);
tousu_model::__string_id!(
    /// The id of a rule in a classification, acceptance or validity table;
    /// every [`Decision`](crate::Decision) names the rule that produced it.
    RuleId, check_code, "A rule id, unique within its table: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);
tousu_model::__string_id!(
    /// The id of a milestone (a clock with a time limit): `first_response`,
    /// `acceptance`, `result`, `callback`.
    MilestoneId, check_code, "A milestone id: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);
tousu_model::__string_id!(
    /// The id of an escalation step.
    EscalationId, check_code, "An escalation step id: 1-64 letters, digits, '_', '-' or '.', starting with a letter or digit."
);
