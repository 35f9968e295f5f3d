-- Message text enters the warehouse file here and nowhere else: only for the example conversations,
-- and only through cx_redact(), the redactor the build was given. The raw text is read from the
-- Parquet source of record inside this one statement and never stored in any table.
with

examples as (
    select * from {{ ref('mart_drilldown_conversations') }}
),

conversations as (
    select * from {{ source('conversations') }}
),

example_messages as (
    select
        conversations.conversation_id,
        unnest(conversations.messages) as message
    from conversations
    inner join examples
        on examples.conversation_id = conversations.conversation_id
),

redacted as (
    select
        ---------- ids
        example_messages.conversation_id,
        example_messages.message.idx as message_index,

        ---------- who and when (the author's name is personal data and is left out)
        example_messages.message.role as role,
        example_messages.message.is_public as is_public,
        example_messages.message."at" as sent_at,

        ---------- text, redacted
        cx_redact(example_messages.message.text) as text_redacted,

        ---------- which driver cites this turn as evidence
        coalesce(list_contains(examples.resolution_evidence, example_messages.message.idx), false)
            as is_resolution_evidence,
        coalesce(list_contains(examples.sentiment_evidence, example_messages.message.idx), false)
            as is_sentiment_evidence,
        coalesce(list_contains(examples.effort_evidence, example_messages.message.idx), false)
            as is_effort_evidence

    from example_messages
    inner join examples
        on examples.conversation_id = example_messages.conversation_id
),

final as (
    select * from redacted
)

select * from final
