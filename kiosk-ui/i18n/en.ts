import type { Messages } from './zh-CN';

export const en: Messages = {
  appName: 'Budayang · Government Self-Service Kiosk',
  outOfService: 'This terminal is out of service; it will restart shortly.',
  open24h: 'Self-service 24 hours a day, 7 days a week',
  attract: {
    headline: 'Open 24/7 · Self-service',
    touchToStart: 'Touch the screen to start',
    orCardOrCode: 'or place your ID card, or scan a code',
    offers: 'At this terminal',
    noServicesYet: 'Self-service enquiries and services',
    configProblem:
      'The terminal configuration is invalid; defaults are in use. Please tell the staff.',
  },
  nav: {
    home: 'Home',
    back: 'Back',
    finish: 'Finish',
    language: '中文',
    languageLabel: 'Switch language',
    elderlyOn: 'Large text',
    elderlyOff: 'Standard',
    elderlyLabel: 'Senior mode (large text, voice, more time)',
  },
  home: {
    greeting: 'Hello, please choose a service',
    noFlows:
      'No self-service is available at this terminal yet. Please visit a window in office hours.',
    officeHours: 'Window hours',
    selfService: 'The self-service area is open 24 hours',
    lunch: 'lunch break',
  },
  flows: {
    queue: 'Queue number',
    appointment: 'Appointment',
    licencePrint: 'Print a licence',
    idOnly: 'ID card only services',
    guide: 'Service guide',
    progress: 'Check progress',
    rating: 'Rate our service',
    idCopy: 'Copy an ID card',
  },
  notices: {
    flowFailed: 'Sorry, that service failed. You are back at home; please try again.',
    codeNotRecognised: 'That code was not recognised. Please choose a service first, then scan.',
  },
  idle: {
    title: 'Are you still there?',
    countdown: (seconds: number) =>
      `Your visit ends in ${seconds} s and your information will be cleared`,
    continue: 'I need more time',
  },
  goodbye: {
    title: 'Thank you',
    reminder: 'Please take your ID card, your receipt and your belongings.',
    done: 'Done',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  weekdayRange: (from: string, to: string) => `${from}–${to}`,
  speech: {
    attract: 'Hello. Touch the screen to start, or place your ID card.',
    home: 'Please choose a service.',
    goodbye: 'Thank you. Please take your ID card and your belongings.',
    idle: 'Do you need more time? Touch I need more time.',
  },
};
