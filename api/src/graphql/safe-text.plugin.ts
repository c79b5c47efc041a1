// Refuses NUL characters and lone surrogates in every string a GraphQL request carries — variables and
// literals in the document alike — before any resolver runs, so no such text reaches PostgreSQL (which
// fails the statement: a 500) or a log line. The check itself is domain/shared/safe-text.ts.
import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type DocumentNode, type ValueNode } from 'graphql';
import { badInput, type FieldError } from '@leadex/core/domain/shared/domain-error';
import { findUnsafeText, unsafeTextReason } from '@leadex/core/domain/shared/safe-text';

/** String literals in arguments and variable defaults, with the argument path (`input.fullName`). */
export function unsafeLiterals(document: DocumentNode): FieldError[] {
  const found: FieldError[] = [];
  // literal nesting is bounded by graphql-armor's token limit, so recursion is safe here
  const walk = (node: ValueNode, path: string) => {
    if (node.kind === Kind.STRING) {
      const reason = unsafeTextReason(node.value);
      if (reason) found.push({ path, message: reason });
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((value, i) => walk(value, `${path}[${i}]`));
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) walk(field.value, `${path}.${field.name.value}`);
    }
  };
  visit(document, {
    Argument(node) {
      walk(node.value, node.name.value);
      return false;
    },
    VariableDefinition(node) {
      if (node.defaultValue) walk(node.defaultValue, node.variable.name.value);
      return false;
    },
  });
  return found;
}

export function safeTextPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const fields = [...findUnsafeText(request.variables ?? {}), ...unsafeLiterals(document)].slice(0, 20);
          if (fields.length) throw badInput(fields, 'Some text holds characters that cannot be stored');
        },
      };
    },
  };
}
