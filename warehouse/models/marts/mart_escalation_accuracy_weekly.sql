-- Escalation accuracy, per ISO week: were conversations handed on when, and only when, they should
-- have been? A conversation is escalated when the rubric labelled it 'escalated' or the AI agent
-- handed it to a human (ai_to_human). The routing gap findings say which calls were wrong:
--   needless_escalation on an escalated conversation  -> a wrong escalation;
--   missed_escalation on a conversation not escalated -> a missed one.
-- Accuracy is the share of conversations with neither.
with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

instances as (
    select * from {{ ref('int_gap_instances') }}
),

routing_findings as (
    select
        conversation_id,
        bool_or(subcategory = 'needless_escalation') as has_needless_escalation,
        bool_or(subcategory = 'missed_escalation') as has_missed_escalation
    from instances
    where category = 'routing'
    group by conversation_id
),

classified as (
    select
        conversation_scores.week_start,
        conversation_scores.iso_week,
        conversation_scores.is_escalated or conversation_scores.handled_by = 'ai_to_human' as was_escalated,
        coalesce(routing_findings.has_needless_escalation, false) as has_needless_escalation,
        coalesce(routing_findings.has_missed_escalation, false) as has_missed_escalation
    from conversation_scores
    left join routing_findings
        on conversation_scores.conversation_id = routing_findings.conversation_id
),

weekly as (
    select
        week_start,
        iso_week,
        count(*) as count_conversations,
        count(*) filter (where was_escalated) as count_escalated,
        count(*) filter (where was_escalated and has_needless_escalation) as count_needless_escalations,
        count(*) filter (where not was_escalated) as count_not_escalated,
        count(*) filter (where not was_escalated and has_missed_escalation) as count_missed_escalations
    from classified
    group by week_start, iso_week
),

final as (
    select
        *,
        1 - (count_needless_escalations + count_missed_escalations) / count_conversations as escalation_accuracy,
        1 - count_needless_escalations / nullif(count_escalated, 0) as escalation_precision,
        count_missed_escalations / nullif(count_not_escalated, 0) as missed_escalation_rate
    from weekly
)

select * from final
