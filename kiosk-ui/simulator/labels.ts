import type { DeviceKind } from '../../domain';

/** The simulator is for testers, not citizens: its labels are Chinese with English beside them. */
export const SIM = {
  title: '设备模拟器 Device simulator',
  open: '打开设备模拟器 Open the device simulator',
  close: '收起 Close',
  devices: {
    idCard: '身份证阅读器 ID reader',
    face: '人证核验 Face verifier',
    scanner: '扫码器 Scanner',
    receipt: '凭条打印机 Receipt printer',
    document: '文件打印机 Document printer',
    camera: '高拍仪 Document camera',
  } satisfies Record<DeviceKind, string>,
  person: '测试人员 Test person',
  insert: '放卡 Insert',
  remove: '取卡 Remove',
  cardIn: '卡在读卡区 Card in field',
  noCard: '无卡 No card',
  faceNext: '下一次 Next: ',
  codeText: '码内容 Code text',
  scan: '扫码 Scan',
  scannerOn: '正在扫码 Scanning',
  scannerOff: '未启动 Not scanning',
  paperAtExit: '出纸口有纸 Paper at exit',
  exitEmpty: '出纸口无纸 Exit empty',
  takePaper: '取走 Take paper',
  slow: '延迟 ms ',
  applySlow: '变慢 Slow',
  clear: '清除故障 Clear',
  tray: '已打印 Printed',
  clearTray: '清空 Empty',
};
