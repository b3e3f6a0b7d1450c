package io.s2l.api;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A statistic that can be undefined (a correlation with a constant side, a ratio over nothing): NaN
 * in Java, {@code null} in JSON. JSON has no NaN, and null says "computed, but undefined", which is
 * what a reader needs; reading null back gives NaN again, so a document survives the round trip. On
 * a boxed {@code Double} a Java null (the statistic does not apply) still leaves the field out
 * where the record says so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
@JacksonAnnotationsInside
@JsonSerialize(using = Undefined.Writer.class)
@JsonDeserialize(using = Undefined.Reader.class)
public @interface Undefined {

  /** Writes NaN and the infinities as null. */
  final class Writer extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      if (Double.isFinite(value)) {
        out.writeNumber(value);
      } else {
        out.writeNull();
      }
    }
  }

  /** Reads null as NaN; an absent field stays absent (null). */
  final class Reader extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser in, DeserializationContext context) throws IOException {
      if (in.currentToken() != null && in.currentToken().isNumeric()) {
        return in.getDoubleValue();
      }
      return (Double) context.handleUnexpectedToken(Double.class, in);
    }

    @Override
    public Double getNullValue(DeserializationContext context) {
      return Double.NaN;
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
      return null;
    }
  }
}
