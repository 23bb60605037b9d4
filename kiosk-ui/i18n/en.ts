import type { Messages } from './zh-CN';

export const en: Messages = {
  appName: 'Budayang · Government Self-Service Kiosk',
  outOfService: 'This terminal is out of service; it will restart shortly.',
  outOfServiceCall: (telephone: string) => `Enquiries: ${telephone}`,
  staff: {
    label: 'Notice for staff',
    configRejected: (fields: string) =>
      `Staff: these configuration entries failed validation; the last good or default values are in use: ${fields}`,
    configUnusable: (fields: string) =>
      `Staff: the configuration cannot be used (failed validation: ${fields}); the terminal is out of service.`,
    storageFull: "Staff: this terminal's storage is full; services that store data are paused.",
    storageBlocked: 'Staff: waiting for another page of the kiosk to close an older database.',
  },
  opening: 'Opening, one moment…',
  open24h: 'Self-service 24 hours a day, 7 days a week',
  attract: {
    headline: 'Open 24/7 · Self-service',
    touchToStart: 'Touch the screen to start',
    orCardOrCode: 'or place your ID card, or scan a code',
    offers: 'At this terminal',
    noServicesYet: 'Self-service enquiries and services',
    configProblem:
      'The terminal configuration has errors; some settings are not applied. Please tell the staff.',
  },
  nav: {
    home: 'Home',
    back: 'Back',
    finish: 'Finish',
    language: '中文',
    languageLabel: 'Switch language',
    elderlyOn: 'Large text',
    elderlyOff: 'Standard',
    switchTo: 'Switch to',
    elderlyOnLabel: 'Switch to large text (senior mode: large text, voice, more time)',
    elderlyOffLabel: 'Switch to standard (Senior mode off: smaller text, no voice)',
  },
  home: {
    greeting: 'Hello, please choose a service',
    noFlows:
      'No self-service is available at this terminal yet. Please visit a window in office hours.',
    officeHours: 'Window hours',
    selfService: 'The self-service area is open 24 hours',
    lunch: 'lunch break',
  },
  notices: {
    flowFailed: 'Sorry, that service failed. You are back at home; please try again.',
    codeNotRecognised: 'That code was not recognised.',
  },
  devices: {
    idCard: 'ID card reader',
    face: 'face verifier',
    scanner: 'code scanner',
    receipt: 'receipt printer',
    document: 'document printer',
    camera: 'document camera',
  },
  deviceStatus: {
    online: 'working',
    busy: 'busy',
    offline: 'not connected',
    'paper-low': 'low on paper',
    'paper-out': 'out of paper',
    jam: 'jammed',
    'cover-open': 'cover open',
    'hardware-error': 'out of order',
  },
  paused: (device: string, status: string, flow: string) =>
    `The ${device} is ${status}; ${flow} is paused`,
  deviceHelp: {
    title: 'Some devices are out of use',
    fault: (device: string, status: string, action: string) =>
      `The ${device} is ${status}: no ${action} for now`,
    stillWorks: (flows: string) => `You can still use: ${flows}.`,
    nothingWorks: 'No service can be used at this kiosk right now.',
    limited: (actions: string) => `no ${actions} for now`,
    window: (windows: string) => `For a paused service, please go to ${windows} in office hours:`,
    staffedWindow: 'a service window',
    telephone: 'For help, call the hall:',
  },
  deviceActions: {
    idCard: 'reading ID cards',
    face: 'face checks',
    scanner: 'scanning codes',
    receipt: 'printing tickets',
    document: 'printing',
    camera: 'copying',
  },
  codes: {
    readable: (kinds: string) =>
      `This kiosk reads only ${kinds}; for anything else, choose a service below.`,
    none: 'This kiosk does not read codes; please choose a service below.',
    kinds: {
      appointment: 'the check-in code on an appointment slip',
      ticket: 'the code on a queue ticket',
      application: 'the code on an application receipt',
    },
  },
  failures: {
    timeout: 'The device did not answer in time.',
    cancelled: 'Cancelled.',
    offline: 'The device is not connected.',
    busy: 'The device is busy; please try again shortly.',
    'hardware-error': 'The device is out of order.',
    'card-removed': 'The card was moved while it was read; please place it again.',
    'read-failed': 'The card could not be read; please place it again.',
    'no-face': 'No face was seen; please face the camera.',
    mismatch: 'The face does not match the card photo.',
    'liveness-failed': 'The liveness check failed; please face the camera uncovered.',
    'paper-out': 'The printer is out of paper.',
    jam: 'The printer is jammed.',
    'cover-open': 'The printer cover is open.',
    'permission-denied': 'The camera cannot be used.',
    'not-supported': 'This terminal cannot do that.',
    'storage-full':
      "This terminal's storage is full; this service is paused. Please contact the staff or call the hall.",
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
  cardReminder: {
    take: 'Please take your ID card',
  },
  goingHome: {
    card: 'Reading your ID card: back to the home screen once it is read',
    face: 'Checking your face: back to the home screen once it is done',
    print: 'Printing: back to the home screen once printing is done',
    device: 'A device is at work: back to the home screen once it is done',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  weekdayRange: (from: string, to: string) => `${from}–${to}`,
  speech: {
    licencePrint: 'Place your ID card on the reader, then face the camera.',
    realEstate: 'Choose the address step by step.',
    attract: 'Hello. Touch the screen to start, or place your ID card.',
    home: 'Please choose a service.',
    goodbye: 'Thank you. Please take your ID card and your belongings.',
    idle: 'Do you need more time? Touch I need more time.',
    idCopy: 'Place your ID card face up under the document camera, then touch Take picture.',
    queue: 'Choose a service to take a number.',
  },
};
