with

runs as (
    select * from {{ ref('stg_runs') }}
),

reconciled as (
    select
        run_id,
        run_on,
        started_at,
        finished_at,
        date_diff('second', started_at, finished_at) as duration_seconds,
        inputs,
        judge,
        judge_model,
        rubric_version,
        param_hash,
        count_read,
        count_scored,
        count_quarantined,
        -- every record read must end up scored or quarantined: nothing silently dropped
        coalesce(count_read = count_scored + count_quarantined, false) as is_reconciled
    from runs
),

final as (
    select * from reconciled
)

select * from final
