with

segments as (
    select * from {{ ref('int_conversation_segments') }}
),

aggregated as (
    select
        week_start,
        iso_week,
        dimension,
        dimension_value,
        count(*) as count_conversations,
        avg(cx_score) as mean_cx,
        stddev_samp(cx_score) as stddev_cx,
        avg(case when cx_score <= 2 then 1.0 else 0.0 end) as share_cx_1_2,
        avg(case when cx_score >= 4 then 1.0 else 0.0 end) as share_cx_4_5
    from segments
    group by week_start, iso_week, dimension, dimension_value
),

with_interval as (
    -- 95% confidence interval of the mean, normal approximation; one score has no spread.
    select
        *,
        case
            when count_conversations >= 2
                then mean_cx - 1.96 * stddev_cx / sqrt(count_conversations)
        end as ci95_low,
        case
            when count_conversations >= 2
                then mean_cx + 1.96 * stddev_cx / sqrt(count_conversations)
        end as ci95_high
    from aggregated
),

final as (
    select * from with_interval
)

select * from final
