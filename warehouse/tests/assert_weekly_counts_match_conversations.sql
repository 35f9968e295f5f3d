-- Each dimension partitions the week's conversations: per week and dimension, the segment
-- counts in mart_cx_weekly add up to the number of scored conversations that week.
with

weekly as (
    select week_start, dimension, sum(count_conversations) as count_in_mart
    from {{ ref('mart_cx_weekly') }}
    group by week_start, dimension
),

conversations_per_week as (
    select week_start, count(*) as count_in_fct
    from {{ ref('fct_conversation_scores') }}
    group by week_start
)

select
    weekly.week_start,
    weekly.dimension,
    weekly.count_in_mart,
    conversations_per_week.count_in_fct
from weekly
full outer join conversations_per_week
    on weekly.week_start = conversations_per_week.week_start
where weekly.count_in_mart is distinct from conversations_per_week.count_in_fct
