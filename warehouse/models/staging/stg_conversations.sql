-- Message text stays in the Parquet source of record: it is personal data. The warehouse file holds
-- only the redacted text of a bounded set of example conversations (mart_drilldown_messages).
with

source as (
    select * from {{ source('conversations') }}
),

-- The stream writes a new version of a conversation each time it re-opens and closes again;
-- only the newest describes it. Batch rows are version 1.
-- rank, not row_number: two rows of the same version are a real duplicate, and the unique test must see it.
newest_version as (
    select * from source
    qualify rank() over (
        partition by conversation_id
        order by conversation_version desc nulls last
    ) = 1
),

renamed as (
    select
        ---------- ids
        conversation_id,
        conversation_version,
        content_hash,

        ---------- dimensions
        source,
        channel,
        brand,
        team,
        queue,
        cohort,
        handled_by,

        ---------- counts
        message_count as count_messages,
        customer_message_count as count_customer_messages,
        transfer_count as count_transfers,
        action_count as count_actions,
        failed_action_count as count_failed_actions,

        ---------- survey
        csat,

        ---------- free-form attributes
        metadata,

        ---------- timestamps (UTC)
        opened_at,
        closed_at,
        day as opened_on

    from newest_version
)

select * from renamed
