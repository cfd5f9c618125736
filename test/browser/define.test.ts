import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../packages/core/src/define.js';
import { CePayments, defineElement, VERSION } from '../../packages/core/src/index.js';
import { expectConsole } from './support/harness.js';

describe('defineElement', () => {
  it('skips a second registration of the same class quietly', async () => {
    const output = await expectConsole(() => defineElement('ce-payments', CePayments));
    expect(output).to.deep.equal([]);
    expect(customElements.get('ce-payments')).to.equal(CePayments);
  });

  it('skips a second copy of the same version quietly (the CDN bundle included twice)', async () => {
    class SecondCopy extends LitElement {
      static readonly version = VERSION;
    }
    const output = await expectConsole(() => defineElement('ce-payments', SecondCopy));
    expect(output).to.deep.equal([]);
    expect(customElements.get('ce-payments')).to.equal(CePayments);
  });

  it('warns when another version already registered the tag', async () => {
    class OtherVersion extends LitElement {
      static readonly version = '0.0.1-other';
    }
    const output = await expectConsole(() => defineElement('ce-payments', OtherVersion));
    expect(output).to.have.length(1);
    expect(output[0]).to.contain('already defined by Connect Elements');
    expect(customElements.get('ce-payments')).to.equal(CePayments);
  });
});
