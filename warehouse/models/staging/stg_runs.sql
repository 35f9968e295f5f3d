with

source as (
    select * from {{ source('runs') }}
),

renamed as (
    select
        ---------- ids
        run_id,

        ---------- timestamps (UTC)
        started_at,
        finished_at,

        ---------- what was read and what came of it
        inputs,
        read as count_read,
        scored as count_scored,
        quarantined as count_quarantined,

        ---------- provenance
        judge,
        model as judge_model,
        rubric_version,
        param_hash,

        ---------- partition
        day as run_on

    from source
)

select * from renamed
