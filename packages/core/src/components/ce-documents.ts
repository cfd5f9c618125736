import { connectComponentElement } from '../connect-component-element.js';

/**
 * Lists the documents (such as tax forms) the connected account can download.
 *
 * Stripe's `documents` embedded component. Its settings, attributes and `ce-*` events are derived
 * from `@stripe/connect-js`; see the README's component table.
 *
 * @summary Lists the documents (such as tax forms) the connected account can download.
 * @tag ce-documents
 */
export class CeDocuments extends connectComponentElement('documents') {}
