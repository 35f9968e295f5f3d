with

segments as (
    select * from {{ ref('int_conversation_segments') }}
),

counted as (
    select
        week_start,
        iso_week,
        dimension,
        dimension_value,
        count(*) as count_conversations,
        count(*) filter (where resolution = 'resolved') as count_resolved,
        count(*) filter (where resolution = 'partly_resolved') as count_partly_resolved,
        count(*) filter (where resolution = 'unresolved') as count_unresolved,
        count(*) filter (where resolution = 'escalated') as count_escalated
    from segments
    group by week_start, iso_week, dimension, dimension_value
),

rates as (
    select
        *,
        count_resolved / count_conversations as resolution_rate,
        count_escalated / count_conversations as escalation_rate
    from counted
),

final as (
    select * from rates
)

select * from final
