package ca.bim.clinic.client.domain;

/** What was done to a client's data, as recorded in the access log. */
public enum AccessAction {
    read,
    search,
    create,
    update,
    archive,
    sign,
    amend,
    grant,
    withdraw,
    add,
    remove,
    export
}
