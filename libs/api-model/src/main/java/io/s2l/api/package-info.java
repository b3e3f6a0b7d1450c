/**
 * The API's documents as records: what the services store and serve, what the client reads.
 *
 * <p>Conventions, the same in every record:
 *
 * <ul>
 *   <li>The records keep the JSON the services wrote before they were records, field for field: the
 *       golden documents in this module's tests are read and written back to the character.
 *   <li>A field marked {@code @JsonProperty(required = true)} must be present when read; a missing
 *       one fails with Jackson's "Missing required creator property 'name'". Present and null is
 *       allowed where the record's Javadoc says the field can be null.
 *   <li>A field marked {@code @JsonInclude(NON_NULL)} is left out when null: these are the fields
 *       the JSON has only sometimes (for example {@code version}, which a stored document lacks and
 *       the served one has). Reading them absent gives null.
 *   <li>{@link io.s2l.api.Undefined} statistics are NaN in Java and null in JSON.
 *   <li>Unknown fields are a reader's choice: the client and the services ignore them, so a newer
 *       server does not break an older client.
 * </ul>
 */
package io.s2l.api;
