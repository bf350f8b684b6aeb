import { signal } from '@preact/signals-core';
import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../widget/i18n/messages';
import { onDemand } from '../../../widget/ui/on-demand';

const english = { 'error.partNotLoaded': 'This part could not be loaded.', 'action.retry': 'Try again' };
const model = { t: signal(createTranslator(english)) };

function Greeting({ name }: { model: typeof model; name: string }) {
  return <p>Hello {name}</p>;
}

describe('onDemand', () => {
  it('shows nothing until the part has loaded, then the part with its props', async () => {
    let arrive: (part: typeof Greeting) => void = () => undefined;
    const Part = onDemand(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    const { container } = render(<Part model={model} name="Rita" />);
    expect(container.textContent).toBe('');
    arrive(Greeting);
    expect(await screen.findByText('Hello Rita')).toBeTruthy();
  });

  it('loads the code once however often it is shown or preloaded', async () => {
    let loads = 0;
    const Part = onDemand(async () => {
      loads++;
      return Greeting;
    });
    Part.preload();
    render(<Part model={model} name="Max" />);
    render(<Part model={model} name="Ivo" />);
    await screen.findByText('Hello Ivo');
    expect(loads).toBe(1);
  });

  it('says when the code could not be loaded, and tries again on request', async () => {
    let attempts = 0;
    const Part = onDemand(async () => {
      attempts++;
      if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Greeting;
    });
    render(<Part model={model} name="Amelia" />);
    expect((await screen.findByRole('alert')).textContent).toContain('This part could not be loaded.');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Hello Amelia')).toBeTruthy();
    expect(attempts).toBe(2);
  });
});
