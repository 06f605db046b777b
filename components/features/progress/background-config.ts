/** The mediator's shared-computer setting (options page). Not personal data: it survives "Terminer ma session". */
export const PUBLIC_CONFIG_KEY = 'pasapas:progress:publicComputer';
