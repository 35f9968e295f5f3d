-- A bounded set of conversations worth reading in full: for every ISO week and every handler
-- (AI, human, AI then human), the two with the lowest CX and the one with the highest. Bounded on
-- purpose, because mart_drilldown_messages keeps the (redacted) text of exactly these.
with

conversation_scores as (
    select * from {{ ref('fct_conversation_scores') }}
),

scores as (
    select * from {{ ref('stg_scores') }}
),

ranked as (
    -- cx_raw breaks ties between equal rounded scores; the id keeps the choice deterministic
    select
        *,
        row_number() over (
            partition by week_start, handled_by
            order by cx_raw asc, conversation_id
        ) as rank_lowest,
        row_number() over (
            partition by week_start, handled_by
            order by cx_raw desc, conversation_id
        ) as rank_highest
    from conversation_scores
),

selected as (
    select *, 'lowest_cx' as selection, rank_lowest as selection_rank
    from ranked
    where rank_lowest <= 2

    union all

    -- a week with two conversations or fewer has them all among the lowest already
    select *, 'highest_cx' as selection, rank_highest as selection_rank
    from ranked
    where rank_highest = 1 and rank_lowest > 2
),

with_evidence as (
    select
        ---------- why it is here
        selected.week_start,
        selected.iso_week,
        selected.handled_by,
        selected.selection,
        selected.selection_rank,

        ---------- the conversation
        selected.conversation_id,
        selected.opened_on,
        selected.team,
        selected.channel,
        selected.cohort,

        ---------- its scores
        selected.cx_score,
        selected.cx_raw,
        selected.cx_contrib_resolution,
        selected.cx_contrib_sentiment,
        selected.cx_contrib_effort,
        selected.cx_confidence,
        selected.resolution,
        selected.sentiment_start,
        selected.sentiment_end,
        selected.sentiment_shift,
        selected.effort,
        selected.explanation,

        ---------- the turns that justify them (message indices)
        scores.resolution_evidence,
        scores.sentiment_evidence,
        scores.effort_evidence,

        ---------- provenance
        selected.rubric_id,
        selected.rubric_version,
        selected.judge

    from selected
    inner join scores
        on scores.conversation_id = selected.conversation_id
        and scores.rubric_id = selected.rubric_id
        and scores.rubric_version = selected.rubric_version
        and scores.judge = selected.judge
),

final as (
    select * from with_evidence
)

select * from final
