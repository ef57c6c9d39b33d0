"""The synonym table: column titles found in county ledgers -> the field they hold.

Kept as data so a new county's wording is one line here, not a code change — though most
new wordings need no line at all: ``titles`` reads a header by its words (a qualifier and a
head word) and ``profile`` reads the values under it. Keys are compared after
``titles.header_key`` (NFKC, no spaces, unit brackets dropped, other brackets opened:
"注册（计划）" -> "注册计划"), so write them in that folded form.

Targets are the ledger field keys of ``tracker.domain.vocabulary.PROJECT_FIELDS`` plus:
``serial`` (序号, evidence of a data row), ``stage`` (a progress word column),
``status``/``status_date``/``status_reason``, ``funds_arrived_wan``/``invested_wan``,
``planned_start``/``planned_production``, and per stage ``stage_dates.<key>`` (actual
date), ``planned_dates.<key>`` (planned date) and ``stage_flags.<key>`` (是否 column).
"""

from __future__ import annotations

from tracker.domain.vocabulary import PROJECT_FIELDS, STAGE_LABELS, Stage

FIELD_SYNONYMS: dict[str, tuple[str, ...]] = {
    "serial": ("序号", "序", "no", "no.", "行号", "排序"),
    "code": ("项目编号", "编号", "项目代码", "项目编码"),
    "credit_code": ("统一社会信用代码", "社会信用代码", "信用代码", "企业信用代码", "组织机构代码"),
    "name": (
        "项目名称",
        "项目",
        "名称",
        "项目名",
        "签约项目",
        "项目全称",
        "签约项目名称",
        "项目简称",
    ),
    "investor": (
        "投资主体",
        "投资方",
        "签约企业",
        "企业名称",
        "业主名称",
        "业主单位",
        "投资企业",
        "投资单位",
        "签约单位",
        "投资人",
        "签约主体",
        "企业",
        "公司名称",
        "项目业主",
        "投资商",
        "签约方",
        "客商",
        "投资主体名称",
        "建设单位",
        "项目单位",
        "实施主体",
        "项目主体",
        "签约客商",
        "投资企业名称",
    ),
    "investor_origin": (
        "投资方来源地",
        "来源地",
        "投资来源地",
        "客商来源地",
        "企业来源地",
        "投资方所在地",
        "投资方来源",
        "客商所在地",
    ),
    "investor_type": ("投资方类型", "企业类型", "投资主体类型", "企业性质", "投资方性质"),
    "project_type": ("项目类型", "项目性质", "新引进/增资扩股", "引进类型"),
    "industry": (
        "产业类别",
        "产业类型",
        "行业",
        "所属行业",
        "产业",
        "行业类别",
        "产业分类",
        "所属产业",
        "行业分类",
        "项目类别",
        "产业方向",
    ),
    "industry_chain": ("产业链", "所属产业链", "产业链条"),
    "agreement_type": ("签约形式", "协议类型", "签约类型", "合同类型", "协议形式"),
    "sign_date": (
        "签约日期",
        "签约时间",
        "签订日期",
        "签订时间",
        "签约实际",
        "协议签订时间",
        "签约年月",
        "合同签订时间",
        "签约日",
    ),
    "sign_event": ("签约活动", "签约场合", "签约平台", "签约会议"),
    "signed_amount_wan": (
        "签约总投资",
        "签约金额",
        "总投资",
        "协议投资额",
        "计划总投资",
        "投资总额",
        "投资额",
        "协议投资",
        "合同金额",
        "项目总投资",
        "签约额",
        "协议总投资",
        "签约投资额",
        "总投资额",
        "协议金额",
        "投资规模",
        "协议引资额",
        "引资额",
        "合同引资额",
        "签约资金",
        "计划投资",
    ),
    "fixed_asset_wan": ("其中固定资产投资", "固定资产投资", "固投", "固定资产", "其中固投"),
    "foreign_capital_wan_usd": ("合同外资", "利用外资", "外资金额"),
    "land_area_mu": ("用地面积", "用地", "占地面积", "供地面积", "用地规模"),
    "content": (
        "建设内容",
        "建设规模及内容",
        "主要建设内容",
        "项目内容",
        "建设规模",
        "项目建设内容",
        "建设内容及规模",
    ),
    "location": (
        "落地乡镇/园区",
        "落地乡镇",
        "所在园区",
        "属地",
        "所在乡镇",
        "项目地点",
        "建设地点",
        "落地地点",
        "乡镇",
        "园区",
        "项目所在地",
        "所在地",
        "落地园区",
        "乡镇/园区",
        "所在乡镇/园区",
        "落户地",
        "项目选址",
        "选址",
        "乡镇园区",
        "所属乡镇",
        "所属园区",
        "所属乡镇园区",
        "落地乡镇园区",
        "建设地址",
    ),
    "unit": (
        "责任单位",
        "牵头单位",
        "承办单位",
        "主管单位",
        "招引单位",
        "责任部门",
        "包抓单位",
        "落实单位",
        "主责单位",
        "推进单位",
    ),
    "leader": (
        "包抓领导",
        "包联领导",
        "分管领导",
        "责任领导",
        "联系领导",
        "挂钩领导",
        "包保领导",
        "县级领导",
        "包抓县领导",
        "包联县领导",
        "包抓县级领导",
    ),
    "contact": ("联系人", "企业联系人", "项目联系人"),
    "phone": ("联系电话", "电话", "联系方式", "手机", "手机号码"),
    "notes": ("备注", "说明", "备注说明"),
    "stage": (
        "项目进展",
        "进展情况",
        "当前阶段",
        "项目阶段",
        "推进情况",
        "进度",
        "阶段",
        "项目进度",
        "进展",
        "建设进度",
        "推进阶段",
        "目前进展",
        "进展阶段",
        "开工情况",
        "建设情况",
        "项目推进情况",
        "进展情况说明",
    ),
    "status": ("状态", "项目状态", "履约状态", "是否终止"),
    "status_date": ("终止日期", "终止时间", "状态日期", "解约时间", "解约日期", "暂缓时间"),
    "status_reason": ("终止原因", "解约原因", "暂缓原因", "终止/暂缓原因"),
    "funds_arrived_wan": (
        "累计到位资金",
        "到位资金",
        "资金到位",
        "实际到位资金",
        "已到位资金",
        "累计到资",
        "到位资金累计",
    ),
    "invested_wan": (
        "累计完成投资",
        "完成投资",
        "已完成投资",
        "累计投资",
        "实际完成投资",
        "累计完成固定资产投资",
    ),
    "progress_as_of": ("进度统计日期", "统计日期", "数据截至", "截至日期", "统计截至", "填报日期"),
    "planned_start": ("计划开工时间", "计划开工日期", "计划开工", "开工计划", "预计开工时间"),
    "planned_production": ("计划投产时间", "计划投产日期", "计划投产", "投产计划", "预计投产时间"),
}

# Extra words for each stage besides its label (the label comes from the model).
STAGE_ALIASES: dict[Stage, tuple[str, ...]] = {
    Stage.REGISTERED: ("注册", "工商注册", "落地"),
    Stage.LAND: ("供地", "拿地", "摘牌", "土地摘牌"),
    Stage.STARTED: ("开工", "实际开工"),
    Stage.COMPLETED: ("竣工", "建成"),
    Stage.PRODUCING: ("投产", "实际投产", "建成投产"),
    Stage.TARGET: ("达产", "达效", "达产达效"),
}


def _stage_synonyms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for stage, aliases in STAGE_ALIASES.items():
        words = (STAGE_LABELS[stage], *aliases)
        actual = [f"{w}{s}" for w in words for s in ("时间", "日期", "实际", "实际时间", "年月")]
        planned = [f"{w}计划" for w in words] + [
            f"计划{w}{s}" for w in words for s in ("", "时间", "日期")
        ]
        out[f"stage_dates.{stage.value}"] = tuple(actual)
        if stage is Stage.STARTED:
            out["planned_start"] = FIELD_SYNONYMS["planned_start"] + tuple(planned)
        elif stage is Stage.PRODUCING:
            out["planned_production"] = FIELD_SYNONYMS["planned_production"] + tuple(planned)
        else:
            out[f"planned_dates.{stage.value}"] = tuple(planned)
        out[f"stage_flags.{stage.value}"] = tuple(f"是否{w}" for w in words) + tuple(
            f"{w}与否" for w in words
        )
    return out


def build_synonyms() -> dict[str, tuple[str, ...]]:
    """All targets -> their synonyms, including each field's own ledger label."""
    table = dict(FIELD_SYNONYMS)
    table.update(_stage_synonyms())
    for spec in PROJECT_FIELDS:  # the ledger export's own titles round-trip
        table[spec.key] = (*table.get(spec.key, ()), spec.label)
    return table


# Labels for the wizard's drop-downs and the error file (Chinese, as the clerk knows them).
TARGET_LABELS: dict[str, str] = {
    **{spec.key: spec.label for spec in PROJECT_FIELDS},
    "serial": "序号",
    "stage": "项目进展（阶段）",
    "status": "状态（终止/暂缓）",
    "status_date": "终止/暂缓日期",
    "status_reason": "终止/暂缓原因",
    "funds_arrived_wan": "累计到位资金（万元）",
    "invested_wan": "累计完成投资（万元）",
    "planned_start": "计划开工时间",
    "planned_production": "计划投产时间",
    "progress_as_of": "进度统计日期",
    **{f"stage_dates.{s.value}": f"{s.label}时间（实际）" for s in Stage if s is not Stage.SIGNED},
    **{
        f"planned_dates.{s.value}": f"{s.label}时间（计划）"
        for s in Stage
        if s not in (Stage.SIGNED, Stage.STARTED, Stage.PRODUCING)
    },
    **{f"stage_flags.{s.value}": f"是否{s.label}" for s in Stage if s is not Stage.SIGNED},
}
