-- Message text stays in the Parquet source of record: it is personal data and no mart needs it,
-- so the warehouse file never holds it.
with

source as (
    select * from {{ source('conversations') }}
),

renamed as (
    select
        ---------- ids
        conversation_id,
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

    from source
)

select * from renamed
