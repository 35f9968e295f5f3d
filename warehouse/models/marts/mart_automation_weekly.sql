-- Automated resolution vs deflection, per ISO week. Both are shares of all scored conversations:
--   deflection rate            = conversations the AI agent handled alone (never reached a human);
--   automated resolution rate  = those of them the rubric judged resolved.
-- Deflection counts a customer who gave up on the bot as a success; automated resolution does not,
-- so the difference between the two is the deflection that did not help.
with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

weekly as (
    select
        week_start,
        iso_week,
        count(*) as count_conversations,
        count(*) filter (where handled_by = 'ai') as count_ai_only,
        count(*) filter (where handled_by = 'ai' and resolution = 'resolved') as count_ai_resolved,
        count(*) filter (where handled_by in ('ai', 'ai_to_human')) as count_ai_involved
    from conversation_scores
    group by week_start, iso_week
),

final as (
    select
        *,
        count_ai_only / count_conversations as deflection_rate,
        count_ai_resolved / count_conversations as automated_resolution_rate,
        (count_ai_only - count_ai_resolved) / count_conversations as unresolved_deflection_rate
    from weekly
)

select * from final
