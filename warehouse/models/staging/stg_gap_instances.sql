with

source as (
    select * from {{ source('gap_instances') }}
),

renamed as (
    select
        ---------- ids (one row per conversation x taxonomy version x category x subcategory x finder)
        conversation_id,
        taxonomy_version,
        category as gap_category,
        subcategory as gap_subcategory,
        found_by,

        ---------- the finding
        confidence as gap_confidence,
        evidence as gap_evidence,
        ai_fault,
        subject as gap_subject,
        rationale as gap_rationale,
        topic,
        is_ai_turn as in_ai_turn,

        ---------- its one owner (owner_is_default: no rule of owners.yaml matched)
        owner_team,
        owner_contact,
        owner_channel,
        owner_is_default,

        ---------- provenance
        judge,
        model as classifier_model,
        param_hash,

        ---------- partition: the conversation's day
        day as conversation_day

    from source
)

select * from renamed
