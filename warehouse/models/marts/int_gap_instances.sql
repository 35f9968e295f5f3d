-- Failure instances with their gap key and id. A gap is (category, subcategory, topic, subject),
-- topic and subject normalised (lower case, every run of non-letters/digits one space, trimmed) so
-- "SSO set-up" and "sso setup" are one gap. The id is the first 16 hex digits of SHA-256 over the
-- key joined by the unit separator (chr 31): it depends on nothing but the key, so it is the same on
-- every run and machine. io.cxscore.publish.gaps.GapKey computes the same id in Java.
with

instances as (
    -- Only findings that notify their owner make gaps: one below the classifier's notify_confidence is kept
    -- in stg_gap_instances for review. Rows written before `notifies` existed notified, as they did then.
    select * from {{ ref('stg_gap_instances') }}
    where coalesce(notifies, true)
),

keyed as (
    select
        *,
        trim(regexp_replace(lower(coalesce(topic, '')), '[^\p{L}\p{N}]+', ' ', 'g')) as topic_key,
        trim(regexp_replace(lower(coalesce(subject, '')), '[^\p{L}\p{N}]+', ' ', 'g')) as subject_key
    from instances
),

identified as (
    select
        'gap-' || substr(sha256(category || chr(31) || subcategory || chr(31) || topic_key || chr(31) || subject_key), 1, 16)
            as gap_id,
        *,
        cast(date_trunc('week', opened_on) as date) as week_start,
        strftime(opened_on, '%G-W%V') as iso_week
    from keyed
),

final as (
    select * from identified
)

select * from final
