import type { CeConnect } from '@connect-elements/core';

type Appearance = NonNullable<Exclude<CeConnect['appearance'], { message: string }>>;

interface Theme {
  readonly label: string;
  readonly swatch: string;
  readonly variables: Record<string, string | number>;
}

/** A few looks for Connect, applied live through `appearance` (an `update`, never a re-init). */
export const THEMES: Record<string, Theme> = {
  default: {
    label: 'Default',
    swatch: '#4f46e5',
    variables: { colorPrimary: '#4f46e5', borderRadius: '8px' },
  },
  midnight: {
    label: 'Midnight',
    swatch: '#0f172a',
    variables: {
      colorPrimary: '#818cf8',
      colorBackground: '#0f172a',
      colorText: '#e2e8f0',
      colorSecondaryText: '#94a3b8',
      colorBorder: '#334155',
      borderRadius: '10px',
    },
  },
  forest: {
    label: 'Forest',
    swatch: '#047857',
    variables: { colorPrimary: '#047857', colorBackground: '#f7faf8', borderRadius: '4px' },
  },
  sunset: {
    label: 'Sunset',
    swatch: '#ea580c',
    variables: { colorPrimary: '#ea580c', colorBackground: '#fffaf5', borderRadius: '14px' },
  },
};

/** The `appearance` of theme `id`, with its primary colour replaced when `primaryColor` is given. */
export function themeAppearance(id: string, primaryColor?: string): Appearance {
  const variables = { ...(THEMES[id] ?? THEMES['default']!).variables };
  if (primaryColor) variables['colorPrimary'] = primaryColor;
  return { variables } as Appearance;
}

/** Wires the locale select, theme presets and colour picker to `provider`. */
export function mountProviderControls(
  provider: CeConnect,
  controls: {
    locale: HTMLSelectElement;
    themes: HTMLElement;
    primaryColor: HTMLInputElement;
    primaryColorValue?: HTMLOutputElement | null;
  },
): void {
  const { locale, themes, primaryColor, primaryColorValue } = controls;
  let theme = 'default';

  const apply = () => {
    provider.appearance = themeAppearance(theme, primaryColor.value);
    if (primaryColorValue) primaryColorValue.value = primaryColor.value;
  };

  for (const [id, preset] of Object.entries(THEMES)) {
    const label = document.createElement('label');
    label.className = 'preset';
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'theme';
    input.value = id;
    input.checked = id === theme;
    input.addEventListener('change', () => {
      theme = id;
      primaryColor.value = String(preset.variables['colorPrimary']);
      apply();
    });
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background = preset.swatch;
    label.append(input, swatch, preset.label);
    themes.append(label);
  }

  locale.value = provider.locale ?? 'en-US';
  locale.addEventListener('change', () => {
    provider.locale = locale.value;
  });
  primaryColor.addEventListener('input', apply);
  apply();
}
