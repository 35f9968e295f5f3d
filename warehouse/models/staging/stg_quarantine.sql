with

source as (
    select * from {{ source('quarantine') }}
),

renamed as (
    select
        ---------- where the record came from
        source,
        position as source_position,
        record_id,

        ---------- why it was set aside
        field,
        reason,
        excerpt,

        ---------- partition
        day as quarantined_on

    from source
)

select * from renamed
