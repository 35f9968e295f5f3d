-- A failed or invalid judgement never becomes a score: rubric fields are set exactly when
-- status = 'scored'. Returns the rows that break this.
select
    conversation_id,
    rubric_version,
    status,
    cx_score,
    resolution,
    effort,
    sentiment_shift
from {{ ref('stg_scores') }}
where
    (status = 'scored'
        and (cx_score is null or resolution is null or effort is null or sentiment_shift is null))
    or (status <> 'scored'
        and (cx_score is not null or resolution is not null))
