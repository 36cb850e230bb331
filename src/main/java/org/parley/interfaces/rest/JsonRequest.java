package org.parley.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record read from a JSON object body by {@link JsonRequestReader}: each component from the
 * member of its name, strictly typed. Its constraints say what else the body must be.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonRequest {}
