with

quarantine as (
    select * from {{ ref('stg_quarantine') }}
),

grouped as (
    select
        source,
        coalesce(field, '(none)') as field,
        reason,
        count(*) as count_records,
        count(distinct quarantined_on) as count_days,
        min(quarantined_on) as first_quarantined_on,
        max(quarantined_on) as last_quarantined_on,
        -- one deterministic example so a reader can find the record in the source
        arg_min(record_id, coalesce(record_id, '')) as example_record_id,
        arg_min(source_position, coalesce(record_id, '')) as example_position,
        arg_min(left(excerpt, 200), coalesce(record_id, '')) as example_excerpt
    from quarantine
    group by source, coalesce(field, '(none)'), reason
),

final as (
    select * from grouped
)

select * from final
