-- One row per conversation and segment dimension. Unpivoting once lets the daily, weekly and
-- resolution marts share one aggregation over every dimension.
with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

unpivoted as (
    select conversation_id, opened_on, week_start, iso_week,
        'overall' as dimension, 'all' as dimension_value,
        cx_score, resolution
    from conversation_scores

    union all

    select conversation_id, opened_on, week_start, iso_week,
        'team', coalesce(team, '(none)'),
        cx_score, resolution
    from conversation_scores

    union all

    select conversation_id, opened_on, week_start, iso_week,
        'channel', coalesce(channel, '(none)'),
        cx_score, resolution
    from conversation_scores

    union all

    select conversation_id, opened_on, week_start, iso_week,
        'cohort', coalesce(cohort, '(none)'),
        cx_score, resolution
    from conversation_scores

    union all

    select conversation_id, opened_on, week_start, iso_week,
        'handled_by', coalesce(handled_by, '(none)'),
        cx_score, resolution
    from conversation_scores
),

final as (
    select * from unpivoted
)

select * from final
