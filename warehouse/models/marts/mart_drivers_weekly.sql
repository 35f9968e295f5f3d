with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

contributions as (
    select week_start, iso_week, 'resolution' as driver, cx_contrib_resolution as contribution
    from conversation_scores

    union all

    select week_start, iso_week, 'sentiment_shift', cx_contrib_sentiment
    from conversation_scores

    union all

    select week_start, iso_week, 'effort', cx_contrib_effort
    from conversation_scores
),

weekly as (
    select
        week_start,
        iso_week,
        driver,
        count(*) as count_conversations,
        avg(contribution) as mean_contribution
    from contributions
    group by week_start, iso_week, driver
),

with_previous_week as (
    -- Compared with the calendar week before, not the previous row: a week with no
    -- scored conversations leaves the change null instead of spanning two weeks.
    select
        this_week.week_start,
        this_week.iso_week,
        this_week.driver,
        this_week.count_conversations,
        this_week.mean_contribution,
        previous_week.mean_contribution as previous_week_mean_contribution,
        this_week.mean_contribution - previous_week.mean_contribution as wow_change
    from weekly as this_week
    left join weekly as previous_week
        on previous_week.driver = this_week.driver
        and previous_week.week_start = this_week.week_start - interval 7 days
),

ranked as (
    select
        *,
        case
            when wow_change is not null
                then rank() over (
                    partition by week_start
                    order by abs(wow_change) desc nulls last
                )
        end as rank_abs_wow_change
    from with_previous_week
),

final as (
    select * from ranked
)

select * from final
