-- The weekly trend of each gap, zero-filled: every ISO week from the gap's first week to the week of
-- the data's latest day has a row, so a gap that went quiet shows as zeros, not as a missing row.
with

instances as (
    select * from {{ ref('int_gap_instances') }}
),

gaps as (
    select * from {{ ref('mart_gaps') }}
),

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

gap_weeks as (
    select
        gaps.gap_id,
        gaps.owner_team,
        cast(unnest(generate_series(
            cast(date_trunc('week', gaps.first_seen_on) as timestamp),
            cast(date_trunc('week', gaps.data_as_of) as timestamp),
            interval 7 day
        )) as date) as week_start
    from gaps
),

weekly_conversations as (
    select gap_id, week_start, conversation_id, count(*) as count_instances
    from instances
    group by gap_id, week_start, conversation_id
),

weekly as (
    select
        weekly_conversations.gap_id,
        weekly_conversations.week_start,
        count(*) as count_conversations,
        sum(weekly_conversations.count_instances) as count_instances,
        avg(conversation_scores.cx_score) as mean_cx_affected
    from weekly_conversations
    left join conversation_scores
        on weekly_conversations.conversation_id = conversation_scores.conversation_id
    group by weekly_conversations.gap_id, weekly_conversations.week_start
),

filled as (
    select
        gap_weeks.gap_id,
        gap_weeks.owner_team,
        gap_weeks.week_start,
        strftime(gap_weeks.week_start, '%G-W%V') as iso_week,
        coalesce(weekly.count_conversations, 0) as count_conversations,
        coalesce(weekly.count_instances, 0) as count_instances,
        weekly.mean_cx_affected
    from gap_weeks
    left join weekly
        on gap_weeks.gap_id = weekly.gap_id and gap_weeks.week_start = weekly.week_start
),

final as (
    select * from filled
)

select * from final
