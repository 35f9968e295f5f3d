-- Message text stays in the Parquet source of record: it is personal data. The warehouse file holds
-- only the redacted text of a bounded set of example conversations (mart_drilldown_messages).
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
