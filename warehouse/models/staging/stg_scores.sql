with

source as (
    select * from {{ source('scores') }}
),

-- A re-opened conversation is re-scored by the stream as a new version; the newest supersedes.
-- rank, not row_number: two rows of the same version are a real duplicate, and the unique test must see it.
newest_version as (
    select * from source
    qualify rank() over (
        partition by conversation_id, rubric_id, rubric_version
        order by conversation_version desc nulls last
    ) = 1
),

renamed as (
    select
        ---------- ids
        conversation_id,
        rubric_id,
        rubric_version,
        conversation_version,

        ---------- provenance
        judge,
        model as judge_model,
        param_hash,

        ---------- outcome of judging
        status,
        status_reason,

        ---------- resolution
        resolution,
        resolution_value,
        resolution_confidence,
        resolution_evidence,

        ---------- sentiment (-1 angry .. +1 delighted; shift -2..2)
        sentiment_start,
        sentiment_end,
        sentiment_shift,
        sentiment_confidence,
        sentiment_evidence,

        ---------- effort (1 effortless .. 5 exhausting)
        effort,
        effort_value,
        effort_confidence,
        effort_evidence,
        effort_customer_turns,
        effort_repeats,
        effort_rephrasings,
        effort_transfers,
        effort_bot_loops,
        effort_max_wait_s as effort_max_wait_seconds,

        ---------- composite score (points each driver added to the intercept)
        cx_score,
        cx_raw,
        cx_contrib_resolution,
        cx_contrib_sentiment,
        cx_contrib_effort,
        cx_confidence,
        explanation,

        ---------- partition
        day as scored_for_day

    from newest_version
)

select * from renamed
