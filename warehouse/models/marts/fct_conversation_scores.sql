with

conversations as (
    select * from {{ ref('stg_conversations') }}
),

scores as (
    select * from {{ ref('stg_scores') }}
),

scored as (
    select * from scores
    where status = 'scored'
),

ranked_versions as (
    -- Versions compare by their numbers (v10 after v9), not as text; the text breaks ties.
    -- Within a version a scored LLM row is preferred over the offline one (only scored rows reach here).
    select
        *,
        row_number() over (
            partition by conversation_id
            order by
                cast(regexp_extract_all(rubric_version, '[0-9]+') as bigint[]) desc,
                rubric_version desc,
                case when judge = 'llm' then 0 else 1 end
        ) as version_rank
    from scored
),

current_scores as (
    select * from ranked_versions
    where version_rank = 1
),

joined as (
    select
        ---------- ids
        conversations.conversation_id,

        ---------- when (UTC); weeks are ISO weeks starting Monday
        conversations.opened_on,
        cast(date_trunc('week', conversations.opened_on) as date) as week_start,
        strftime(conversations.opened_on, '%G-W%V') as iso_week,

        ---------- conversation attributes
        conversations.source,
        conversations.channel,
        conversations.brand,
        conversations.team,
        conversations.queue,
        conversations.cohort,
        conversations.handled_by,
        conversations.handled_by = 'ai' as is_ai_handled,
        conversations.csat,

        ---------- provenance of the score
        current_scores.rubric_id,
        current_scores.rubric_version,
        current_scores.judge,
        current_scores.judge_model,
        current_scores.param_hash,

        ---------- rubric drivers
        current_scores.resolution,
        current_scores.resolution = 'resolved' as is_resolved,
        current_scores.resolution = 'escalated' as is_escalated,
        current_scores.sentiment_start,
        current_scores.sentiment_end,
        current_scores.sentiment_shift,
        current_scores.effort,

        ---------- composite score
        current_scores.cx_score,
        current_scores.cx_raw,
        current_scores.cx_contrib_resolution,
        current_scores.cx_contrib_sentiment,
        current_scores.cx_contrib_effort,
        current_scores.cx_confidence,
        current_scores.explanation

    from current_scores
    inner join conversations
        on current_scores.conversation_id = conversations.conversation_id
),

final as (
    select * from joined
)

select * from final
