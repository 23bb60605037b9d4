import type { PinError, StaffSection } from '../../machines';

/** Hall staff read Chinese; the console's own words (each section keeps its own beside it). */
export const staffText = {
  title: '工作人员管理台',
  exit: '退出管理台',
  sectionsLabel: '管理功能',
  sections: {
    items: '事项目录',
    import: '导入 / 导出',
    hours: '办公时间与节假日',
    settings: '终端设置',
    devices: '设备状态',
    prints: '打印记录',
    today: '今日概况',
    ratings: '好差评',
    audit: '审计日志',
  } satisfies Record<StaffSection, string>,
  pin: {
    ask: '请输入管理密码',
    setFirst: '首次使用：请设置管理密码',
    setAgain: '请再次输入新密码',
    setHint: '密码为 6 至 12 位数字，请牢记；忘记密码需由技术人员重置。',
    keys: '密码键盘',
    erase: '删除',
    ok: '确定',
    typed: (n: number) => `已输入 ${n} 位`,
    lockedTitle: '密码错误次数过多',
    lockedUntil: (time: string) => `管理台已锁定，请于 ${time} 后再试。`,
    errors: {
      short: () => '密码为 6 至 12 位数字。',
      wrong: (left: number | null) => `密码错误，还可尝试 ${left ?? 0} 次。`,
      mismatch: () => '两次输入不一致，请重新设置。',
      failed: () => '暂时无法读取密码记录，请稍后再试。',
    } satisfies Record<NonNullable<PinError>, (left: number | null) => string>,
  },
};
