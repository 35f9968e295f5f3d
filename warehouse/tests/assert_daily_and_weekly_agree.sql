-- The daily mart rolled up to weeks gives the weekly mart's counts and means.
with

daily_rolled_up as (
    select
        cast(date_trunc('week', opened_on) as date) as week_start,
        dimension,
        dimension_value,
        sum(count_conversations) as count_conversations,
        sum(mean_cx * count_conversations) / sum(count_conversations) as mean_cx
    from {{ ref('mart_cx_daily') }}
    group by all
),

weekly as (
    select * from {{ ref('mart_cx_weekly') }}
)

select
    weekly.week_start,
    weekly.dimension,
    weekly.dimension_value,
    weekly.count_conversations as weekly_count,
    daily_rolled_up.count_conversations as daily_count
from weekly
full outer join daily_rolled_up
    on weekly.week_start = daily_rolled_up.week_start
    and weekly.dimension = daily_rolled_up.dimension
    and weekly.dimension_value = daily_rolled_up.dimension_value
where weekly.count_conversations is distinct from daily_rolled_up.count_conversations
    or abs(weekly.mean_cx - daily_rolled_up.mean_cx) > 1e-9
