with

source as (
    select * from {{ source('gap_instances') }}
),

renamed as (
    select
        ---------- ids
        conversation_id,
        taxonomy_version,

        ---------- what failed (rubrics/gaps/<taxonomy_version>/taxonomy.yaml)
        category,
        subcategory,
        confidence,
        notifies,
        evidence,
        ai_fault,
        is_ai_turn,
        subject,
        topic,
        rationale,

        ---------- who owns the fix
        owner_team,
        owner_contact,
        owner_channel,
        owner_is_default,

        ---------- provenance
        found_by,
        judge,
        model as judge_model,
        param_hash,

        ---------- partition: the day the conversation opened
        day as opened_on

    from source
)

select * from renamed
